CKSearch.words("mi",{"minh":["minh","1"]});
