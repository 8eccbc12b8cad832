CKSearch.words("co",{"co":["coS","2","cơ","1"],
"cong":["công","03"]});
