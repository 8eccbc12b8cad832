CKSearch.words("mo",{"moi":["moiJ","2"]});
