CKSearch.words("10",{"100":["100","0"]});
