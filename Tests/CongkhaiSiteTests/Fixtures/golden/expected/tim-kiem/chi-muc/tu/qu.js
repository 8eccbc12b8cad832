CKSearch.words("qu",{"qua":["quaR","0"],
"quan":["quan","1"],
"quy":["quyS","0"],
"quyet":["quyêtS","0"]});
