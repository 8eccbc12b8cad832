CKSearch.words("da",{"dam":["đamR","2"],
"dan":["dânX","3"]});
