CKSearch.words("le",{"le":["lê","1"]});
