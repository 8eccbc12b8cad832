CKSearch.words("tu",{"tu":["tưR","02"],
"tuc":["tucJ","5"],
"tuong":["tươngS","0"]});
