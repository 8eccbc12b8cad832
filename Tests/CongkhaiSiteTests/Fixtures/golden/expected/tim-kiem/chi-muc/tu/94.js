CKSearch.words("94",{"942":["942","0"]});
