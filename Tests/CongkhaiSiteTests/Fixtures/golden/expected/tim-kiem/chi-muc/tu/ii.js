CKSearch.words("ii",{"ii":["ii","0"],
"iii":["iii","0"]});
