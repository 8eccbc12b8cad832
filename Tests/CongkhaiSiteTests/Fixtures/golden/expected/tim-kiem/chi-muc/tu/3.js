CKSearch.words("3",{"3":["3","03"]});
