CKSearch.words("qd",{"qd":["qđ","0"]});
