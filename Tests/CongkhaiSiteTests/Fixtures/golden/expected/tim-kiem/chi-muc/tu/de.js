CKSearch.words("de",{"de":["đêF","2","đêR","2"]});
