CKSearch.words("07",{"07":["07","1"]});
