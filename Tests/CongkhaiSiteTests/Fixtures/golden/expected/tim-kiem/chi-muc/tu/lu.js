CKSearch.words("lu",{"luu":["lưu","0"]});
