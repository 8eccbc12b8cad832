CKSearch.words("vi",{"vi":["viJ","2"]});
