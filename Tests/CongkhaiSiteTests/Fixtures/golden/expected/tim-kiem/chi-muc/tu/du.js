CKSearch.words("du",{"dung":["dung","0","dungF","3","dungJ","3"]});
