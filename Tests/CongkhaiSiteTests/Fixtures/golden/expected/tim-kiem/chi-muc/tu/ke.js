CKSearch.words("ke",{"ke":["kêS","1"],
"ket":["kêtS","0"]});
