CKSearch.text(2,"");
