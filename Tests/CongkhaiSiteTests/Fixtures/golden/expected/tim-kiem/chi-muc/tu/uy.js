CKSearch.words("uy",{"uy":["uyR","3"]});
