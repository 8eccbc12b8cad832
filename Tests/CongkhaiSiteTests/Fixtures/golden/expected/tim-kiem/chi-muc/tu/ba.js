CKSearch.words("ba",{"ban":["ban","0","banR","02"],
"bao":["baoR","2"]});
