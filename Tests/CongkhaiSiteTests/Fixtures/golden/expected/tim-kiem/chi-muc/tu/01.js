CKSearch.words("01",{"01":["01","0"]});
