CKSearch.words("v",{"v":["v","3"]});
