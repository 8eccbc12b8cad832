CKSearch.words("th",{"theo":["theo","0"],
"thi":["thiJ","3"],
"thoi":["thơiF","0"],
"thong":["thông","03"],
"thu":["thuR","05"],
"thuc":["thưcJ","0"],
"thuoc":["thuôcJ","2"]});
