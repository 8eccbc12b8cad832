CKSearch.words("na",{"nam":["năm","1"],
"nang":["nâng","0"]});
