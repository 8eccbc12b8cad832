CKSearch.words("iv",{"iv":["iv","0"]});
