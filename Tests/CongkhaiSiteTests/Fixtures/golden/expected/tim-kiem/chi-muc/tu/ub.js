CKSearch.words("ub",{"ubnd":["ubnd","3"]});
