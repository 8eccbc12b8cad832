CKSearch.words("2",{"2":["2","0"]});
