CKSearch.words("cu",{"cu":["cưS","0"],
"cua":["cuaR","0"]});
