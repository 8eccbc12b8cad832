CKSearch.words("vu",{"vu":["vuJ","0"]});
