CKSearch.manifest({"count":3,"rowsPerShard":500,"textsPerFile":4,
"shards":["01","07","08","1","10","15","1_","2","20","3","6","94","ba","bu","ca","ch","co","cu","da","de","di","do","du","gi","gu","ha","hi","ho","hu","i","ii","iv","ke","kh","ki","ky","la","le","lu","ly","mi","mo","mu","na","ng","nh","no","ph","qd","qu","sa","so","st","su","ta","th","ti","to","tr","tt","tu","uy","v","va","vi","vp","vu","xu","ye"],
"types":[["cong-van","Công văn"],["ke-hoach","Kế hoạch"],["thu-tuc","Thủ tục hành chính"]],
"fields":[["buu-chinh","Bưu chính"],["chuyen-doi-so","Chuyển đổi số"]],
"years":[2024],
"year":[2024,2024,0],
"type":[2,1,3],
"field":[2,0,1]});
