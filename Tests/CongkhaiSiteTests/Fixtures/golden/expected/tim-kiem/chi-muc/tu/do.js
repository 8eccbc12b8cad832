CKSearch.words("do",{"doi":["doiX","0","đôiR","1"],
"don":["đơn","2"]});
