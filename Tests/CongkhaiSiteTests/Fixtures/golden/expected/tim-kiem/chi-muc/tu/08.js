CKSearch.words("08",{"08":["08","0"]});
