CKSearch.words("sa",{"sau":["sau","0"]});
