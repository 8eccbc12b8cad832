CKSearch.words("6",{"6":["6","0"]});
