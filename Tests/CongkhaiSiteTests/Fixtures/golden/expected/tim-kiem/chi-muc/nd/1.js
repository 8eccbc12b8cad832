CKSearch.text(1,"Kính gửi: Các phòng, đơn vị thuộc Sở. Để bảo đảm văn bản điện tử có giá trị pháp lý, Sở đề nghị các phòng, đơn vị sử dụng chữ ký số chuyên dùng cho mọi văn bản phát hành.");
