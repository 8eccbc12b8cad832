CKSearch.words("1",{"1":["1","0"]});
