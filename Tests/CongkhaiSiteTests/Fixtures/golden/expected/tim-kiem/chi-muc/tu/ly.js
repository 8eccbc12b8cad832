CKSearch.words("ly",{"ly":["lyS","02"]});
