CKSearch.words("no",{"noi":["nôiJ","05"]});
