CKSearch.words("ki",{"kinh":["kinhS","2"]});
