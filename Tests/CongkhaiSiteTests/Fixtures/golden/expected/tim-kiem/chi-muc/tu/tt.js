CKSearch.words("tt",{"ttg":["ttg","0"]});
