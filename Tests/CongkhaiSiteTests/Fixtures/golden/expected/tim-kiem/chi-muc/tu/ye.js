CKSearch.words("ye",{"yeu":["yêu","0"]});
