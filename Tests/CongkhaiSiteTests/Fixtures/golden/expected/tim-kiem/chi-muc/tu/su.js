CKSearch.words("su",{"su":["sưR","3"]});
