CKSearch.words("bu",{"buu":["bưu","5"]});
