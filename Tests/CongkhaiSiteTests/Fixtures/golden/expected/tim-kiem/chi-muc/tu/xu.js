CKSearch.words("xu",{"xu":["xưR","0"]});
