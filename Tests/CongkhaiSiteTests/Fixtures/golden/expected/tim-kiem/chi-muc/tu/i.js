CKSearch.words("i",{"i":["i","0"]});
