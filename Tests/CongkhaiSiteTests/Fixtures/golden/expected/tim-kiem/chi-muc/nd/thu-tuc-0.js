CKSearch.text("thu-tuc-0","");
