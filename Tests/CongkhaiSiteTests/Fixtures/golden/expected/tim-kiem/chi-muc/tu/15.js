CKSearch.words("15",{"15":["15","0"]});
