CKSearch.words("ba",{"ban":["ban","03","banR","02"],
"bao":["baoR","2"]});
