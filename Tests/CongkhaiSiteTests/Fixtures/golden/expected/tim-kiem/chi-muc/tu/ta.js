CKSearch.words("ta",{"tam":["tâm","1"]});
