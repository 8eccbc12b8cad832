CKSearch.words("gu",{"gui":["gưiR","2"]});
