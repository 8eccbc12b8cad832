CKSearch.words("la",{"lam":["lam","3"]});
