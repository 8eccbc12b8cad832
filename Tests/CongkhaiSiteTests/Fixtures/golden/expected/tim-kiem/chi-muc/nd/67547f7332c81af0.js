CKSearch.text("67547f7332c81af0","");
