CKSearch.words("ca",{"cac":["cacS","2"],
"can":["căn","0"],
"cao":["cao","0"],
"cap":["câpS","5"],
"cau":["câuF","0"]});
